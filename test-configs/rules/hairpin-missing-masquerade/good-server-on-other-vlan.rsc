# The server lives on its own VLAN; LAN clients reach it through the router, so their replies come
# back through the router without any hairpin rule. Only the DMZ's own hosts need one.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface vlan add interface=bridge name=vlan20-dmz vlan-id=20
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=bridge list=LAN
/interface list member add interface=vlan20-dmz list=LAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=192.168.20.1/24 interface=vlan20-dmz
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.20.0/24 dst-address=192.168.20.0/24 out-interface=vlan20-dmz
/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.20.5
