# Found by the kernel check: the isolation rule has no connection-state, so it also drops the
# server's replies (vlan20 -> bridge) to LAN clients that reach the server through the public address.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface vlan add interface=bridge name=vlan20 vlan-id=20
/interface list add name=WAN
/interface list member add interface=ether1 list=WAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=192.168.20.1/24 interface=vlan20
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.20.0/24 dst-address=192.168.20.0/24 out-interface=vlan20
/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.20.10 # expect: hairpin-filtered
/ip firewall filter add chain=forward action=drop in-interface=vlan20 out-interface=bridge
