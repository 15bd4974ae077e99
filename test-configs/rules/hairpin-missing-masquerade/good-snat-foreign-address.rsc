# A hairpin src-nat to an address the router does not have (the old LAN address, 192.168.1.1): the server
# answers it through its gateway, the router, which undoes both translations, so LAN clients still connect.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list member add interface=ether1 list=WAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=srcnat action=src-nat src-address=192.168.88.0/24 dst-address=192.168.88.10 out-interface=bridge to-addresses=192.168.1.1 comment="hairpin NAS"
/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.88.10
